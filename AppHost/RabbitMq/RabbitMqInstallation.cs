namespace Reseller.AppHost.RabbitMq;

internal static class RabbitMqInstallation
{
    // The /usr/sbin wrapper switches to the rabbitmq user; this script runs the node as we are.
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public static string Server
    {
        get
        {
            EnsureInstalled();
            return ServerScript;
        }
    }

    public static void EnsureInstalled()
    {
        if (!File.Exists(ServerScript))
        {
            throw new DistributedApplicationException("RabbitMQ is not installed: run ./run.sh, which installs it");
        }
    }
}
