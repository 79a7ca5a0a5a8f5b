namespace Reseller.Web.Session;

/// <summary>A return address taken from a query string is followed only when it stays on this site.</summary>
public static class LocalPaths
{
    public static string OrHome(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
            ? path
            : "/";
}
