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
}
