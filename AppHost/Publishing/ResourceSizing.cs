namespace Reseller.AppHost.Publishing;

/// <summary>
/// CPU and memory per container. Memory: each service idles at 187-205 MB and reached ~430 MB after a load run on the
/// 2-core benchmark machine (issue 14's figures), so requests cover the idle set with room and limits the loaded one
/// twice. CPU: requests are what one replica needs to keep up with its queue at rest; no CPU limit, so a burst (a
/// renewal batch, a JIT warm-up) is never throttled into timeouts, while the memory limit guards the node.
/// </summary>
public static class ResourceSizing
{
    public static Manifest For(ProjectResource project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var (cpu, memory, limit) = project.Name switch
        {
            "billing" => ("500m", "384Mi", "1Gi"),
            "gateway" => ("500m", "256Mi", "768Mi"),
            _ => ("250m", "256Mi", "768Mi"),
        };
        return Manifest.Of(
            ("requests", Manifest.Of(("cpu", cpu), ("memory", memory))),
            ("limits", Manifest.Of(("memory", limit))));
    }
}
