using Dapper;
using Fifo.ClickHouse.Connection;

namespace Fifo.ClickHouse.Connection;

/// <summary>
/// Dapper parameters for ClickHouse's <c>{name:Type}</c> placeholders. Dapper drops members of a parameter object
/// that the SQL does not mention as <c>@name</c> (even through <c>new DynamicParameters(object)</c>), so the
/// placeholders would arrive unset ("Substitution `name` is not set"); parameters added by name are always sent.
/// </summary>
public static class QueryParameters
{
    /// <summary><c>QueryParameters.From(new { wallet, first })</c>: one parameter per public property.</summary>
    public static DynamicParameters From(object values)
    {
        var parameters = new DynamicParameters();
        foreach (var property in values.GetType().GetProperties())
            parameters.Add(property.Name, property.GetValue(values));
        return parameters;
    }
}
