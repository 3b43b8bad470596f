namespace Fifo.Core.Reports;

public enum LeaderboardSort { Pnl, Roi, WinRate, Positions, Volume }
