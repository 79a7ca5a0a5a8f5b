using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost.Publishing;

/// <summary>
/// <c>publish kubernetes --output &lt;dir&gt; [--data operators|managed] [--registry &lt;host/path&gt;] [--tag &lt;version&gt;]</c>:
/// writes the model as manifests and starts nothing.
/// </summary>
public static class PublishCommand
{
    public const string Usage = "usage: publish kubernetes --output <dir> [--data operators|managed] [--registry <registry/path>] [--tag <version>]";
    public const string DefaultRegistry = "registry.example.com/reseller";
    public const string DefaultTag = "latest";

    public static bool IsPublish(string[] args) => args is ["publish", ..];

    public static int Run(string[] args, Func<string[], ApplicationModel> declare, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(declare);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not ["publish", "kubernetes", .. var rest])
        {
            error.WriteLine($"only the kubernetes target is known. {Usage}");
            return 2;
        }

        if (!TryParse(rest, out var options, out var problem))
        {
            error.WriteLine(problem);
            return 2;
        }

        var model = declare([]);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        new KubernetesPublisher(model, configuration, options).Write();
        output.WriteLine($"wrote the Kustomize base and the development and production overlays to {Path.GetFullPath(options.Output)}");
        return 0;
    }

    private static bool TryParse(string[] args, out PublishOptions options, out string? problem)
    {
        string? outputDirectory = null;
        var dataTier = DataTier.Operators;
        var registry = DefaultRegistry;
        var tag = DefaultTag;
        options = new PublishOptions("", dataTier, registry, tag);
        for (var index = 0; index < args.Length; index += 2)
        {
            if (index + 1 >= args.Length || string.IsNullOrWhiteSpace(args[index + 1]))
            {
                problem = $"{args[index]} needs a value. {Usage}";
                return false;
            }

            var value = args[index + 1];
            switch (args[index])
            {
                case "--output":
                    outputDirectory = value;
                    break;
                case "--data" when Enum.TryParse<DataTier>(value, ignoreCase: true, out var tier):
                    dataTier = tier;
                    break;
                case "--registry":
                    registry = value.TrimEnd('/');
                    break;
                case "--tag":
                    tag = value;
                    break;
                default:
                    problem = $"unknown option or value: {args[index]} {value}. {Usage}";
                    return false;
            }
        }

        if (outputDirectory is null)
        {
            problem = $"--output is required. {Usage}";
            return false;
        }

        options = new PublishOptions(outputDirectory, dataTier, registry, tag);
        problem = null;
        return true;
    }
}
