// Writer Metadata Document model (see wmd_model.h).
