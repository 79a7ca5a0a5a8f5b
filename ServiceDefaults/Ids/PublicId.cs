using System.Diagnostics.CodeAnalysis;

namespace Reseller.ServiceDefaults.Ids;

/// <summary>Opaque public ids with a type prefix (acc_…, inv_…); a UUIDv7 inside keeps them sortable by creation.</summary>
public static class PublicId
{
    public static Guid NewGuid() => Guid.CreateVersion7();

    public static string Format(string prefix, Guid id) => $"{prefix}_{id:N}";

    public static bool TryParse(string prefix, string? value, [NotNullWhen(true)] out Guid? id)
    {
        id = null;
        if (value is null || value.Length != prefix.Length + 33 || !value.StartsWith(prefix + "_", StringComparison.Ordinal))
        {
            return false;
        }
        if (!Guid.TryParseExact(value.AsSpan(prefix.Length + 1), "N", out var parsed))
        {
            return false;
        }
        id = parsed;
        return true;
    }
}
