namespace Reseller.AppHost;

/// <summary>What a builder declared, in start order: what the AppHost runs and what a publisher writes out.</summary>
public sealed record ApplicationModel(
    PostgresServerResource? Postgres,
    RabbitMqServerResource? RabbitMq,
    IReadOnlyList<ProjectResource> Projects);
