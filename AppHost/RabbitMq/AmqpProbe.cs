using System.Net;
using System.Net.Sockets;

namespace Reseller.AppHost.RabbitMq;

internal static class AmqpProbe
{
    private const byte MethodFrame = 1;

    // Sends the AMQP 0-9-1 protocol header; a ready broker answers with a Connection.Start method frame.
    public static async Task<bool> AcceptsConnectionAsync(int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), timeout.Token).ConfigureAwait(false);
            var frameType = new byte[1];
            var read = await stream.ReadAsync(frameType, timeout.Token).ConfigureAwait(false);
            return read == 1 && frameType[0] == MethodFrame;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
