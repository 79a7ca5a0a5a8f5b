using System.Net;
using System.Net.Sockets;

namespace Reseller.AppHost.Hosting;

// Free ports are picked below the kernel's ephemeral range, so an outgoing connection cannot take
// one between the moment we choose it and the moment the child binds it.
internal static class Ports
{
    private const int LowestPort = 15000;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static int Free()
    {
        lock (Gate)
        {
            var ceiling = EphemeralRangeStart();
            for (var attempt = 0; attempt < 200 && ceiling > LowestPort; attempt++)
            {
                var port = Random.Shared.Next(LowestPort, ceiling);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }

            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
            return int.Parse(range.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 32768;
        }
    }
}
