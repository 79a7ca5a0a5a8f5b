namespace Reseller.AppHost.Publishing;

/// <summary>The one way in: the public project (the gateway, which also serves the dashboard on the same origin).</summary>
public static class IngressManifests
{
    public const string Name = "reseller";
    public const string DefaultHost = "reseller.localtest.me";

    public static IEnumerable<Manifest> For(ApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var gateway = model.Projects.FirstOrDefault(project => project.HttpPort is not null);
        if (gateway is null)
        {
            yield break;
        }

        yield return Manifest.Resource("networking.k8s.io/v1", "Ingress", ClusterNames.Metadata(Name, "ingress"),
            ("spec", Manifest.Of(
                ("ingressClassName", "nginx"),
                ("rules", new[]
                {
                    Manifest.Of(
                        ("host", DefaultHost),
                        ("http", Manifest.Of(("paths", new[]
                        {
                            Manifest.Of(
                                ("path", "/"),
                                ("pathType", "Prefix"),
                                ("backend", Manifest.Of(("service", Manifest.Of(
                                    ("name", gateway.Name),
                                    ("port", Manifest.Of(("name", "http")))))))),
                        })))),
                }))));
    }
}
