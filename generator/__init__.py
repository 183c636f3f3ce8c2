"""Registry -> validated fine-tuning datasets, statistics and exports."""
