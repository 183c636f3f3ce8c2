// Bundle one TS entry with every unresolvable/non-relative import replaced by a Proxy stub; print tools as JSON.
const esbuild = require('esbuild'); // resolved through NODE_PATH (see oracle_check.py)
const path = require('path');
const [,, root, ...entries] = process.argv;
const stub = `const h={get:(t,k)=>k==='__esModule'?true:(k===Symbol.toPrimitive?()=>'STUB':P),apply:()=>P,construct:()=>P};const P=new Proxy(function(){},h);module.exports=P;`;
const plugin = {name:'stub', setup(b){
  b.onResolve({filter:/.*/}, args => {
    if (args.kind==='entry-point') return;
    if (args.path.startsWith('.') || args.path.startsWith('core/')) {
      const base = args.path.startsWith('core/') ? path.join(root, args.path) : path.resolve(args.resolveDir, args.path);
      const b2 = base.replace(/\.js$/,'');
      for (const c of [b2+'.ts', b2+'.tsx', b2+'/index.ts', b2+'.js']) { try { if (!require('fs').statSync(c).isFile()) continue; if (c.includes('/implementations/')) break; return {path:c}; } catch(e){} }
    }
    return {path:args.path, namespace:'stub'};
  });
  b.onLoad({filter:/.*/, namespace:'stub'}, () => ({contents:stub, loader:'js'}));
}};
(async () => {
  const out = {};
  for (const e of entries) {
    try {
      const r = await esbuild.build({entryPoints:[e], bundle:true, write:false, platform:'node', format:'cjs', plugins:[plugin], logLevel:'silent'});
      const m = {exports:{}}; new Function('module','exports','require', r.outputFiles[0].text)(m, m.exports, require);
      for (const [k, v] of Object.entries(m.exports)) {
        let val = v;
        if (typeof v === 'function') { try { val = await v({rules: [], ide: {}, isRemote:false}); } catch(err) { continue; } }
        if (val && typeof val === 'object' && val.function && val.function.name) out[val.function.name] = JSON.parse(JSON.stringify(val));
      }
    } catch (err) { out['__error__'+e] = String(err).slice(0,200); }
  }
  console.log(JSON.stringify(out));
})();
