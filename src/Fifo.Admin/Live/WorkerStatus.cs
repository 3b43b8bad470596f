namespace Fifo.Admin.Live;

public enum WorkerStatus { Idle, Running, Retrying }
