namespace Fifo.Admin.Startup;

public enum DatabaseStage { Starting, Migrating, LoadingDemoData, Ready, Failed }
