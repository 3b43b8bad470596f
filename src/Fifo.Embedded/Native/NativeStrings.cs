using System.Runtime.InteropServices;
using System.Text;

namespace Fifo.Embedded.Native;

/// <summary>
/// UTF-8 copies of strings and query parameters in unmanaged memory, alive for one native call. Lengths are passed
/// explicitly (the *_n entry points), so values may hold NUL bytes.
/// </summary>
internal sealed unsafe class NativeStrings : IDisposable
{
    private readonly List<nint> allocations = [];

    public (nint Pointer, nuint Length) Add(ReadOnlySpan<byte> utf8)
    {
        var memory = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, utf8.Length + 1));
        allocations.Add((nint)memory);
        utf8.CopyTo(new Span<byte>(memory, utf8.Length));
        memory[utf8.Length] = 0;
        return ((nint)memory, (nuint)utf8.Length);
    }

    public (nint Pointer, nuint Length) Add(string text) => Add(Encoding.UTF8.GetBytes(text));

    /// <summary>The four parallel arrays chdb_*_with_params_n wants.</summary>
    public (nint Names, nint NameLengths, nint Values, nint ValueLengths, nuint Count) AddParameters(
        IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (parameters.Count == 0)
            return (0, 0, 0, 0, 0);
        var count = parameters.Count;
        var names = (byte**)NativeMemory.Alloc((nuint)(count * sizeof(nint)));
        var nameLengths = (nuint*)NativeMemory.Alloc((nuint)(count * sizeof(nuint)));
        var values = (byte**)NativeMemory.Alloc((nuint)(count * sizeof(nint)));
        var valueLengths = (nuint*)NativeMemory.Alloc((nuint)(count * sizeof(nuint)));
        allocations.AddRange([(nint)names, (nint)nameLengths, (nint)values, (nint)valueLengths]);
        for (var i = 0; i < count; i++)
        {
            var (name, nameLength) = Add(parameters[i].Key);
            var (value, valueLength) = Add(parameters[i].Value);
            names[i] = (byte*)name;
            nameLengths[i] = nameLength;
            values[i] = (byte*)value;
            valueLengths[i] = valueLength;
        }
        return ((nint)names, (nint)nameLengths, (nint)values, (nint)valueLengths, (nuint)count);
    }

    public void Dispose()
    {
        foreach (var allocation in allocations)
            NativeMemory.Free((void*)allocation);
        allocations.Clear();
    }
}
