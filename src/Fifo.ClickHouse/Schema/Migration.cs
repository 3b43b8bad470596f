using System.Text.RegularExpressions;

namespace Fifo.ClickHouse.Schema;

/// <summary>One embedded script <c>Sql/Migrations/NNN_name.sql</c>; applied in version order.</summary>
public sealed partial record Migration(int Version, string Name, string ScriptPath)
{
    public const string Folder = "Migrations";

    /// <exception cref="InvalidOperationException">The file name is not <c>NNN_name.sql</c>.</exception>
    public static Migration FromScriptPath(string scriptPath)
    {
        var match = FileNamePattern().Match(Path.GetFileName(scriptPath));
        return match.Success
            ? new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, scriptPath)
            : throw new InvalidOperationException($"Migration script '{scriptPath}' is not named NNN_name.sql (three digits, lower-case name).");
    }

    [GeneratedRegex(@"^(\d{3})_([a-z0-9_]+)\.sql\z")]
    private static partial Regex FileNamePattern();
}
