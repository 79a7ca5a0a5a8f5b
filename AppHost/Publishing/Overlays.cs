namespace Reseller.AppHost.Publishing;

/// <summary>
/// The two overlays over the base. development: the base as it is (one instance of everything, the sandbox payment
/// provider, mail to files). production: Production settings, TLS at the ingress, two replicas at least behind every
/// budget, Stripe and SMTP from Secrets, a PostgreSQL replica with backups and a three-node broker.
/// </summary>
public sealed class Overlays(ApplicationModel model, DataTier dataTier)
{
    public const string ProductionHost = "reseller.example.com";
    public const int ProductionMinReplicas = 2;
    public const string SmtpSecret = "reseller-smtp";

    /// <summary>PayPal's live REST API: the payout adapter defaults to PayPal's sandbox, which pays nobody.</summary>
    public const string PayPalLiveApi = "https://api-m.paypal.com/";

    public static IReadOnlyDictionary<string, IReadOnlyList<Manifest>> Development() => new Dictionary<string, IReadOnlyList<Manifest>>(StringComparer.Ordinal)
    {
        ["kustomization.yaml"] = [Kustomization("reseller-dev", "development", [])],
    };

    public IReadOnlyDictionary<string, IReadOnlyList<Manifest>> Production()
    {
        var patches = new Dictionary<string, IReadOnlyList<Manifest>>(StringComparer.Ordinal)
        {
            ["settings.yaml"] = [Settings()],
            ["ingress.yaml"] = [Ingress()],
        };
        foreach (var project in model.Projects)
        {
            patches[$"{project.Name}.yaml"] = [.. ProjectPatches(project)];
        }

        if (dataTier == DataTier.Operators)
        {
            patches["data-tier.yaml"] = [.. DataTierPatches()];
        }

        string[] resources = dataTier == DataTier.Operators && model.Postgres is { Databases.Count: > 0 } ? ["backups.yaml"] : [];
        var overlay = new Dictionary<string, IReadOnlyList<Manifest>>(StringComparer.Ordinal)
        {
            ["kustomization.yaml"] = [Kustomization("reseller", "production", [.. patches.Keys], resources)],
        };
        foreach ((var file, var manifests) in patches)
        {
            overlay[file] = manifests;
        }

        if (resources.Length > 0)
        {
            overlay["backups.yaml"] = [ScheduledBackup()];
        }

        return overlay;
    }

    private static Manifest Kustomization(string @namespace, string environment, IReadOnlyList<string> patches, IReadOnlyList<string>? resources = null) => Manifest.Of(
        ("apiVersion", "kustomize.config.k8s.io/v1beta1"),
        ("kind", "Kustomization"),
        ("namespace", @namespace),
        ("resources", (string[])["../../base", .. resources ?? []]),
        ("labels", new[] { Manifest.Of(("pairs", Manifest.Of(("app.kubernetes.io/instance", $"reseller-{environment}")))) }),
        ("patches", patches.Count == 0 ? null : patches.Select(path => Manifest.Of(("path", path))).ToArray()));

    private static Manifest Settings() => Manifest.Resource("v1", "ConfigMap", Manifest.Of(("name", ClusterNames.Settings)),
        ("data", Manifest.Of(
            ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("DOTNET_ENVIRONMENT", "Production"),
            ("Reseller__PublicUrl", $"https://{ProductionHost}"),
            ("Mail__Smtp__Host", "smtp.example.com"),
            ("Mail__Smtp__Port", "587"))));

    private Manifest Ingress() => Manifest.Resource("networking.k8s.io/v1", "Ingress", Manifest.Of(("name", IngressManifests.Name)),
        ("spec", Manifest.Of(
            ("tls", new[] { Manifest.Of(("hosts", new[] { ProductionHost }), ("secretName", "reseller-tls")) }),
            ("rules", new[]
            {
                Manifest.Of(
                    ("host", ProductionHost),
                    ("http", Manifest.Of(("paths", new[]
                    {
                        Manifest.Of(
                            ("path", "/"),
                            ("pathType", "Prefix"),
                            ("backend", Manifest.Of(("service", Manifest.Of(
                                ("name", model.Projects.First(project => project.HttpPort is not null).Name),
                                ("port", Manifest.Of(("name", "http")))))))),
                    })))),
            }))));

    private static IEnumerable<Manifest> ProjectPatches(ProjectResource project)
    {
        var env = ProductionEnvironment(project);
        yield return Manifest.Resource("apps/v1", "Deployment", Manifest.Of(("name", project.Name)),
            ("spec", Manifest.Of(
                ("replicas", Math.Max(project.Replicas, ProductionMinReplicas)),
                ("template", Manifest.Of(("spec", Manifest.Of(("containers", new[] { Manifest.Of(("name", project.Name), ("env", env)) }))))))));
        if (project.DatabaseReferences.Count > 0)
        {
            // The migrations run the same program, which refuses Production settings it cannot honour (the sandbox card provider).
            yield return Manifest.Resource("batch/v1", "Job", Manifest.Of(("name", $"{project.Name}-migrations")),
                ("spec", Manifest.Of(("template", Manifest.Of(("spec", Manifest.Of(("containers", new[] { Manifest.Of(("name", project.Name), ("env", env)) }))))))));
        }

        if (project.BrokerReferences.Count > 0 && project.DatabaseReferences.Count > 0)
        {
            yield return Manifest.Resource("keda.sh/v1alpha1", "ScaledObject", Manifest.Of(("name", project.Name)),
                ("spec", Manifest.Of(("minReplicaCount", Math.Max(project.Replicas, ProductionMinReplicas)))));
        }
    }

    private static Manifest[] ProductionEnvironment(ProjectResource project)
    {
        var env = new List<Manifest>
        {
            FromSettings("Mail__Smtp__Host"),
            FromSettings("Mail__Smtp__Port"),
            FromSecret("Mail__Smtp__UserName", SmtpSecret, "username"),
            FromSecret("Mail__Smtp__Password", SmtpSecret, "password"),
        };
        if (project.Name == "billing")
        {
            env.Add(Manifest.Of(("name", "Billing__Payments__Provider"), ("value", "stripe")));
            env.Add(FromSecret("Billing__Payments__Stripe__SecretKey", ClusterNames.StripeSecret, "secret-key"));
            env.Add(FromSecret("Billing__Payments__Stripe__WebhookSecret", ClusterNames.StripeSecret, "webhook-secret"));
        }

        if (project.Name == "web")
        {
            // Stripe's card Element in the dashboard's card forms: Billing refuses a raw card once Stripe takes the payments.
            env.Add(FromSecret("Web__Stripe__PublishableKey", ClusterNames.StripeSecret, "publishable-key"));
        }

        if (project.Name == "partners")
        {
            env.Add(Manifest.Of(("name", "Partners__Payouts__Provider"), ("value", "paypal")));
            env.Add(Manifest.Of(("name", "Partners__Payouts__PayPal__BaseUrl"), ("value", PayPalLiveApi)));
            env.Add(FromSecret("Partners__Payouts__PayPal__ClientId", ClusterNames.PayPalSecret, "client-id"));
            env.Add(FromSecret("Partners__Payouts__PayPal__ClientSecret", ClusterNames.PayPalSecret, "client-secret"));
        }

        return [.. env];
    }

    private IEnumerable<Manifest> DataTierPatches()
    {
        if (model.Postgres is { Databases.Count: > 0 })
        {
            yield return Manifest.Resource("postgresql.cnpg.io/v1", "Cluster", Manifest.Of(("name", ClusterNames.PostgresCluster)),
                ("spec", Manifest.Of(
                    ("instances", 2),
                    ("backup", Manifest.Of(
                        ("retentionPolicy", "30d"),
                        ("barmanObjectStore", Manifest.Of(
                            ("destinationPath", "s3://reseller-backups/postgres"),
                            ("s3Credentials", Manifest.Of(
                                ("accessKeyId", Manifest.Of(("name", ClusterNames.BackupSecret), ("key", "ACCESS_KEY_ID"))),
                                ("secretAccessKey", Manifest.Of(("name", ClusterNames.BackupSecret), ("key", "ACCESS_SECRET_KEY"))))),
                            ("wal", Manifest.Of(("compression", "gzip"))))))))));
        }

        if (model.RabbitMq is not null)
        {
            yield return Manifest.Resource("rabbitmq.com/v1beta1", "RabbitmqCluster", Manifest.Of(("name", ClusterNames.MessagingCluster)),
                ("spec", Manifest.Of(("replicas", 3))));
        }
    }

    private static Manifest ScheduledBackup() =>
        Manifest.Resource("postgresql.cnpg.io/v1", "ScheduledBackup", ClusterNames.Metadata($"{ClusterNames.PostgresCluster}-daily", "database"),
            ("spec", Manifest.Of(
                ("schedule", "0 0 3 * * *"),
                ("backupOwnerReference", "self"),
                ("cluster", Manifest.Of(("name", ClusterNames.PostgresCluster))))));

    private static Manifest FromSettings(string key) =>
        Manifest.Of(("name", key), ("valueFrom", Manifest.Of(("configMapKeyRef", Manifest.Of(("name", ClusterNames.Settings), ("key", key))))));

    private static Manifest FromSecret(string key, string secret, string secretKey) =>
        Manifest.Of(("name", key), ("valueFrom", Manifest.Of(("secretKeyRef", Manifest.Of(("name", secret), ("key", secretKey))))));
}
