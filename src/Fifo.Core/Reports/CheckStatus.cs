namespace Fifo.Core.Reports;

public enum CheckStatus { Pass, Warn, Fail }
