namespace Fifo.Admin.Hubs.Messages;

public enum BatchEventKind { Started, Finished, Retried, Failed }
