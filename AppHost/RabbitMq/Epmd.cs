using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

using Reseller.AppHost.Processes;

namespace Reseller.AppHost.RabbitMq;

// Erlang's port mapper: a node starts one when none runs, and it outlives the node.
internal static class Epmd
{
    private const byte NamesRequest = 110;

    private static int Port =>
        int.TryParse(Environment.GetEnvironmentVariable("ERL_EPMD_PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 4369;

    public static async Task<IReadOnlyList<string>?> NamesAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync(new byte[] { 0, 1, NamesRequest }, timeout.Token).ConfigureAwait(false);
            using var reply = new MemoryStream();
            await stream.CopyToAsync(reply, timeout.Token).ConfigureAwait(false);
            var bytes = reply.ToArray();
            if (bytes.Length <= 4)
            {
                return [];
            }

            return Encoding.ASCII.GetString(bytes, 4, bytes.Length - 4)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .Where(words => words.Length > 1 && words[0] == "name")
                .Select(words => words[1])
                .ToList();
        }
        catch (SocketException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public static async Task StopIfUnusedAsync(CancellationToken cancellationToken)
    {
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        if (names is { Count: 0 })
        {
            var epmd = File.Exists("/usr/bin/epmd") ? "/usr/bin/epmd" : "epmd";
            _ = await ToolRunner.RunAsync(new ToolCommand(epmd, ["-kill"]), cancellationToken).ConfigureAwait(false);
        }
    }
}
