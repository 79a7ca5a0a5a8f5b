using System.Net;
using System.Net.Sockets;
using System.Text;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using Reseller.ServiceDefaults.Mail;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class SmtpMailSenderTests
{
    private static readonly OutgoingMail Mail = new("someone@agency.test", "Reset your password", "https://example.test/reset/secret");

    [Fact]
    public async Task A_server_without_starttls_is_refused_and_gets_no_mail()
    {
        await using var server = PlainSmtpServer.Start();
        var sender = Sender(server.Port, useStartTls: null);

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(Mail, CancellationToken.None));

        Assert.False(server.ReceivedData, "The mail went out in clear text.");
    }

    [Fact]
    public async Task Plain_smtp_is_used_only_when_configured()
    {
        await using var server = PlainSmtpServer.Start();

        await Sender(server.Port, useStartTls: false).SendAsync(Mail, CancellationToken.None);

        Assert.True(server.ReceivedData);
    }

    private static SmtpMailSender Sender(int port, bool? useStartTls)
    {
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = port };
        if (useStartTls is { } value)
        {
            smtp.UseStartTls = value;
        }
        return new SmtpMailSender(Options.Create(new MailOptions { Smtp = smtp }), NullLogger<SmtpMailSender>.Instance);
    }

    /// <summary>Just enough of an SMTP server that offers no STARTTLS: it accepts one mail and notes whether the body came.</summary>
    private sealed class PlainSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener listener;
        private readonly Task serving;

        private PlainSmtpServer(TcpListener listener)
        {
            this.listener = listener;
            serving = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
        public bool ReceivedData { get; private set; }

        public static PlainSmtpServer Start()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new PlainSmtpServer(listener);
        }

        private async Task ServeAsync()
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync();
                using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 plain.test ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var command = line.ToUpperInvariant();
                    if (command.StartsWith("EHLO", StringComparison.Ordinal))
                    {
                        await writer.WriteLineAsync("250-plain.test\r\n250 8BITMIME");
                    }
                    else if (command.StartsWith("DATA", StringComparison.Ordinal))
                    {
                        await writer.WriteLineAsync("354 go on");
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                            ReceivedData = true;
                        }
                        await writer.WriteLineAsync("250 queued");
                    }
                    else if (command.StartsWith("QUIT", StringComparison.Ordinal))
                    {
                        await writer.WriteLineAsync("221 bye");
                        return;
                    }
                    else
                    {
                        await writer.WriteLineAsync("250 OK");
                    }
                }
            }
            catch (IOException)
            {
                // The client hung up, as it should when it refuses the server.
            }
            catch (SocketException)
            {
                // Stopped before anyone connected.
            }
            catch (ObjectDisposedException)
            {
                // Stopped while waiting.
            }
        }

        public async ValueTask DisposeAsync()
        {
            listener.Stop();
            await serving;
        }
    }
}
