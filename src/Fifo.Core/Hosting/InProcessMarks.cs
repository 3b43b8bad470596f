using System.Collections.Concurrent;

namespace Fifo.Core.Hosting;

/// <summary>
/// Names of things this process is working on right now (a run's execution segment, an import's table), each marked
/// until its handle is disposed: how a process tells its own live work from work it left behind. Keep one instance per
/// kind in a static field: process-wide on purpose, so that two services in one process (tests, a CLI command inside
/// the web host) see each other's work.
/// </summary>
public sealed class InProcessMarks
{
    private readonly ConcurrentDictionary<string, byte> marked = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="name"/> until the returned handle is disposed.</summary>
    public IDisposable Mark(string name)
    {
        marked[name] = 0;
        return new Handle(this, name);
    }

    public bool IsMarked(string name) => marked.ContainsKey(name);

    private sealed class Handle(InProcessMarks marks, string name) : IDisposable
    {
        public void Dispose() => marks.marked.TryRemove(name, out _);
    }
}
