namespace Reseller.SystemBenchmark;

/// <summary>How long each row is loaded: the full run holds the 60 s of creates; the quick one fits in about two minutes.</summary>
public sealed record BenchmarkMode(string Name, TimeSpan CreateWarmUp, TimeSpan CreateDuration, TimeSpan ReadWarmUp, TimeSpan ReadDuration, TimeSpan BaselineDuration, TimeSpan IdleWait,
    int Renewals, int CreditRequests, bool MeasureWarmStart)
{
    /// <summary>Clients of the measured create row: the 16, or fewer to read a load the machine keeps up with.</summary>
    public int CreateClients { get; init; } = CreateFlow.Clients;

    /// <summary>At most this many creates a second from all the clients together (null: as fast as they are answered).</summary>
    public int? CreatesPerSecond { get; init; }

    /// <summary>How long each create client waits from one create's start to its next.</summary>
    public TimeSpan CreatePace => CreatesPerSecond is { } rate ? TimeSpan.FromSeconds((double)CreateClients / rate) : TimeSpan.Zero;

    public static BenchmarkMode Quick { get; } = new("quick", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(3),
        TimeSpan.FromSeconds(5), 0, 0, MeasureWarmStart: false);

    // 20,000 consumptions a credits row: 5,000 lasted 2-3 s at today's rates, too short to read beside the machine's spread.
    // A minute of creates first and 20 s of each GET row: the services recompile their hot code at tier 1 for a minute or two
    // of a new load.
    public static BenchmarkMode Full { get; } = new("full", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(8),
        TimeSpan.FromSeconds(20), 100_000, 20_000, MeasureWarmStart: true);

    /// <summary>
    /// --quick or the full run; --create-warmup-seconds N warms the creates up for N seconds first (with few clients from 10 s
    /// on, until their accounts are active), --create-seconds N holds the create load for N seconds instead (a warm system's profile), and
    /// --read-seconds N each GET row after --read-warmup-seconds N of the same reads (a short warm-up still pays for the JIT
    /// compiling the read path); --create-clients N creates with N clients instead of 16, --creates-per-second N at most N a
    /// second.
    /// </summary>
    public static BenchmarkMode From(string[] args)
    {
        var mode = args.Contains("--quick", StringComparer.Ordinal) ? Quick : Full;
        if (Seconds(args, "--create-warmup-seconds") is { } warmUp)
        {
            mode = mode with { CreateWarmUp = warmUp };
        }
        if (Seconds(args, "--create-seconds") is { } create)
        {
            mode = mode with { CreateDuration = create };
        }
        if (Number(args, "--create-clients") is { } clients)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1, "--create-clients");
            mode = mode with { CreateClients = clients };
        }
        if (Number(args, "--creates-per-second") is { } rate)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rate, 1, "--creates-per-second");
            mode = mode with { CreatesPerSecond = rate };
        }
        if (Seconds(args, "--read-warmup-seconds") is { } readWarmUp)
        {
            mode = mode with { ReadWarmUp = readWarmUp };
        }
        if (Seconds(args, "--read-seconds") is { } read)
        {
            mode = mode with { ReadDuration = read };
        }
        return mode;
    }

    private static TimeSpan? Seconds(string[] args, string option) => Number(args, option) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static int? Number(string[] args, string option)
    {
        var at = Array.IndexOf(args, option);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
