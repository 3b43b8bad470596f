using Fifo.Core.Hosting;

namespace Fifo.Backfill.Runs;

/// <summary>
/// Who is executing a run: a process (<see cref="ProcessIdentity"/>) and the execution segment (one per start or
/// resume). Stored with every run row as <c>host/scope/pid/start/segment</c>; <see cref="RunOwnerLiveness"/> decides
/// whether it still lives.
/// </summary>
public sealed record RunOwner(ProcessIdentity Process, string Segment)
{
    /// <summary>A new segment of this process.</summary>
    public static RunOwner NewSegment() => new(ProcessIdentity.Current, Guid.NewGuid().ToString("N"));

    public bool IsThisProcess => Process == ProcessIdentity.Current;

    public override string ToString() => $"{Process}/{Segment}";

    /// <summary>Reads <see cref="ToString"/>'s form; null for anything else (also for owners written before the scope was).</summary>
    public static RunOwner? TryParse(string? text)
    {
        var parts = text?.Split('/');
        return parts is { Length: 5 } && ProcessIdentity.FromParts(parts[..4]) is { } process
            ? new RunOwner(process, parts[4])
            : null;
    }
}
