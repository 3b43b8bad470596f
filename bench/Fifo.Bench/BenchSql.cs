using Fifo.ClickHouse.Sql;

namespace Fifo.Bench;

/// <summary>The benchmark's own SQL (embedded from bench/Fifo.Bench/Sql), table tokens filled in like the product's.</summary>
internal sealed class BenchSql(SqlScripts scripts)
{
    public string Get(string name)
    {
        using var stream = typeof(BenchSql).Assembly.GetManifestResourceStream("Sql/" + name)
            ?? throw new InvalidOperationException($"No embedded benchmark script 'Sql/{name}'.");
        using var reader = new StreamReader(stream);
        return scripts.Render(reader.ReadToEnd());
    }

    public IReadOnlyList<string> GetStatements(string name) => SqlStatementSplitter.Split(Get(name));
}
