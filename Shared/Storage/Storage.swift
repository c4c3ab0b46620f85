package enum StoragePlaceholder {}
