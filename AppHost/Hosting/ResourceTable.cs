using Reseller.AppHost.Logging;

namespace Reseller.AppHost.Hosting;

internal static class ResourceTable
{
    public static void Print(LogWriter log, IReadOnlyList<ResourceState> resources)
    {
        string[][] rows =
        [
            ["NAME", "KIND", "STATE", "PID", "URL"],
            .. resources.Select(resource => new[] { resource.Name, resource.Kind, resource.State, resource.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", resource.Url }),
        ];
        int[] widths = [.. Enumerable.Range(0, 4).Select(column => rows.Max(row => row[column].Length))];
        foreach (var row in rows)
        {
            log.Line("apphost", string.Join("  ", row.Take(4).Select((cell, column) => cell.PadRight(widths[column]))) + "  " + row[4]);
        }
    }
}
