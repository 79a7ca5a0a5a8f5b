namespace Reseller.AppHost.RabbitMq;

internal sealed record RabbitMqFiles(string Root, IReadOnlyList<string> VirtualHosts)
{
    public string Mnesia => Path.Combine(Root, "mnesia");

    public string Logs => Path.Combine(Root, "log");

    public string EnabledPlugins => Path.Combine(Root, "enabled_plugins");

    public string Config => Path.Combine(Root, "rabbitmq.conf");

    public string AdvancedConfig => Path.Combine(Root, "advanced.config");

    public string EnvironmentFile => Path.Combine(Root, "rabbitmq-env.conf");

    public string Definitions => Path.Combine(Root, "definitions.json");

    public void Prepare()
    {
        Directory.CreateDirectory(Mnesia);
        Directory.CreateDirectory(Logs);
        WriteIfMissing(EnabledPlugins, "[].\n");
        WriteIfMissing(Config, "# The local broker of Reseller.AppHost; settings here apply to the next start.\n");
        WriteIfMissing(EnvironmentFile, string.Empty);
        if (VirtualHosts.Count > 0)
        {
            File.WriteAllText(Definitions, BootDefinitions.Json(VirtualHosts));
            var loadDefinitions = $"load_definitions = {Definitions}";
            if (!File.ReadLines(Config).Contains(loadDefinitions))
            {
                File.AppendAllText(Config, loadDefinitions + "\n");
            }
        }
    }

    private static void WriteIfMissing(string path, string content)
    {
        if (!File.Exists(path))
        {
            File.WriteAllText(path, content);
        }
    }
}
