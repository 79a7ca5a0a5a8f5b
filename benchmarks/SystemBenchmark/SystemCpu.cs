using Reseller.AppHost;

namespace Reseller.SystemBenchmark;

/// <summary>The CPU groups of a started system, for <see cref="CpuMeter"/>: its .NET services, PostgreSQL (with its backends), RabbitMQ.</summary>
public static class SystemCpu
{
    public static Dictionary<string, Func<double>> GroupsOf(DistributedApplication app, string servicesLabel) => new()
    {
        [servicesLabel] = () => ProcessCpu.SecondsOf(app.Resources.Where(r => r.Kind == "Project" && r.Pid is not null).Select(r => r.Pid!.Value)),
        ["PostgreSQL"] = () => ProcessCpu.SecondsOf(app.Postgres?.ProcessId is int pid ? [pid] : []),
        ["RabbitMQ"] = () => ProcessCpu.SecondsOf(app.RabbitMq?.ProcessId is int pid ? [pid] : []),
    };

    /// <summary>Each running service replica on its own (accounts-0, billing-0, ...), to say which of them a flow costs most.</summary>
    public static Dictionary<string, Func<double>> EachService(DistributedApplication app) =>
        app.Resources.Where(r => r.Kind == "Project" && r.Pid is not null)
            .ToDictionary(r => r.Name, r => (Func<double>)(() => ProcessCpu.SecondsOf([r.Pid!.Value])), StringComparer.Ordinal);
}
