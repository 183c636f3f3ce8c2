"""The registry: the one contract between the extractor and everything else.

The extractor writes a `Registry`; diff, validation, generation and export only read it.
Everything here is plain data so that `dump_registry` gives stable, sorted JSON.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Surface = Literal["ide", "cli"]
SURFACES: tuple[Surface, ...] = ("ide", "cli")

# A runtime-dependent value is never guessed: it becomes this marker around its source text.
DYNAMIC_PREFIX = "<dynamic:"
DYNAMIC_SUFFIX = ">"


def dynamic_marker(source_text: str) -> str:
    """The marker that replaces a runtime-dependent value, keeping its source text."""
    return f"{DYNAMIC_PREFIX}{' '.join(source_text.split())}{DYNAMIC_SUFFIX}"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceLoc(_Model):
    """A place in Continue's source at the registry's commit (repo-relative path, 1-based line)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    path: str
    line: int


class Finding(_Model):
    """Something the extractor noticed and did not hide: a syntax error, an unresolved value, a bad schema."""

    kind: str  # syntax-error | unresolved | invalid-schema | missing-file | duplicate-tool | not-a-tool
    message: str
    source: SourceLoc | None = None
    tool: str | None = None


class SystemMessageDescription(_Model):
    """The text-protocol description of a tool (Continue's `systemMessageDescription`)."""

    prefix: str
    # None when the source gives no exampleArgs (distinct from an empty list).
    example_args: list[tuple[str, Any]] | None = None


class Tool(_Model):
    """One tool as Continue defines it at one ref."""

    surface: Surface
    name: str
    description: str
    parameters: dict[str, Any]
    # Where the tool object is defined, and the TypeScript name it is exported as.
    source: SourceLoc
    export_name: str
    # True when some value depends on runtime input; `dynamic_paths` says which fields (dotted paths).
    dynamic: bool = False
    dynamic_paths: list[str] = Field(default_factory=list)
    # "object" for a literal, "function" / "async function" when built by a (GetTool) factory.
    defined_by: Literal["object", "function", "async function"] = "object"
    # Names of the tool lists in Continue's code that reference this tool (empty: defined but not listed).
    in_lists: list[str] = Field(default_factory=list)
    # IDE `Tool` plain-data fields (core/index.d.ts).
    type: str | None = None
    strict: bool | None = None
    display_title: str | None = None
    would_like_to: str | None = None
    is_currently: str | None = None
    has_already: str | None = None
    readonly: bool | None = None
    is_instant: bool | None = None
    group: str | None = None
    default_tool_policy: str | None = None
    tool_call_icon: str | None = None
    system_message_description: SystemMessageDescription | None = None
    # The pre-v1.1.74 form: one string made by createSystemMessageExampleCall.
    system_message_description_text: str | None = None
    # CLI `Tool` plain-data fields (extensions/cli/src/tools/types.ts).
    display_name: str | None = None
    is_built_in: bool | None = None
    # The CLI's older parameter map (arg -> {type, description, required}) kept as written.
    original_parameters: dict[str, Any] | None = None
    # Behaviour fields (functions such as preprocessArgs, run) are code, not data: only their names.
    behaviour_fields: list[str] = Field(default_factory=list)
    # Any other plain-data field of the object, under its source key.
    extra: dict[str, Any] = Field(default_factory=dict)


# ---- Availability, prompts, text protocol, tool errors (registry part two) ----


class Condition(_Model):
    """One condition under which a tool is offered; `negate` flips it."""

    # always | experimental | remote | signed_in | model | headless | ripgrep | agent_id | beta_flag | ...
    kind: str
    arg: str | None = None
    negate: bool = False


class AvailabilityRule(_Model):
    """When Continue offers `tool`: any of `when` (each a list of conditions that must all hold)."""

    surface: Surface
    tool: str
    when: list[list[Condition]] = Field(default_factory=lambda: [[]])
    order: int = 0  # position in the list Continue builds
    source: SourceLoc | None = None


class ModelMatcher(_Model):
    """A model-name rule from Continue's code, as data (e.g. isRecommendedAgentModel)."""

    id: str
    surface: Surface
    kind: str  # regex_groups | regex_any | provider_table | ...
    data: Any = None
    source: SourceLoc | None = None


class SystemPrompt(_Model):
    """A default system message (or a part of one) as text; runtime parts are dynamic markers."""

    surface: Surface
    id: str  # e.g. ide.agent, ide.plan, ide.chat, cli.base, cli.plan
    text: str
    dynamic: bool = False
    source: SourceLoc | None = None


class TextProtocol(_Model):
    """Continue's text tool protocol for models without native tool calling."""

    surface: Surface = "ide"
    data: dict[str, Any] = Field(default_factory=dict)
    source: SourceLoc | None = None


class ToolError(_Model):
    """An error or fallback text a tool implementation returns to the model."""

    surface: Surface
    tool: str
    kind: str  # file-not-found | text-not-found | command-failed | empty-search | ...
    text: str
    source: SourceLoc | None = None


class Registry(_Model):
    schema_version: int = SCHEMA_VERSION
    continue_ref: str
    commit: str
    commit_date: str
    surfaces: list[Surface] = Field(default_factory=list)
    tools: list[Tool] = Field(default_factory=list)
    availability: list[AvailabilityRule] = Field(default_factory=list)
    model_matchers: list[ModelMatcher] = Field(default_factory=list)
    system_prompts: list[SystemPrompt] = Field(default_factory=list)
    text_protocol: list[TextProtocol] = Field(default_factory=list)
    tool_errors: list[ToolError] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    def tools_for(self, surface: Surface) -> list[Tool]:
        return [t for t in self.tools if t.surface == surface]

    def tool(self, name: str, surface: Surface | None = None) -> Tool | None:
        for t in self.tools:
            if t.name == name and (surface is None or t.surface == surface):
                return t
        return None
