// Backup Components Document model (see bcd_model.h).
