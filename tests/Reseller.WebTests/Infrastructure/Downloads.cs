using System.Text;

using Microsoft.Playwright;

namespace Reseller.WebTests.Infrastructure;

/// <summary>What the browser downloaded, read back from its file.</summary>
public static class Downloads
{
    /// <summary>The file's first bytes as ASCII: enough to tell a PDF ("%PDF-") from an error page.</summary>
    public static async Task<string> HeadAsync(IDownload download, int length)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.download");
        await download.SaveAsAsync(file);
        try
        {
            var head = new byte[length];
            await using var stream = File.OpenRead(file);
            await stream.ReadExactlyAsync(head);
            return Encoding.ASCII.GetString(head);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
