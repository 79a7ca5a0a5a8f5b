using Microsoft.AspNetCore.Builder;

namespace Reseller.AppHost.Hosting;

/// <summary>
/// The builder of the AppHost's own small servers (the operator console, the OTLP receivers), configured in code. A default
/// builder takes the working directory as its content root and watches it, subfolders included, for a settings file to
/// reload: under ./run.sh that is the repository, whose .data/ PostgreSQL and RabbitMQ write to all the time, so each of
/// the three servers kept an inotify watch on every folder of the tree (about 1,500) and woke on every write (1.1 % of a
/// core during SystemBenchmark's create load). These read no settings file: their content root is the AppHost's own
/// folder, and nothing is watched.
/// </summary>
public static class InProcessWebHost
{
    public static WebApplicationBuilder CreateBuilder() => WebApplication.CreateSlimBuilder(new WebApplicationOptions
    {
        Args = ["--hostBuilder:reloadConfigOnChange=false"],
        ContentRootPath = AppContext.BaseDirectory,
    });
}
