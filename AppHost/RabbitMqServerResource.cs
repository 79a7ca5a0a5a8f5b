namespace Reseller.AppHost;

public sealed class RabbitMqServerResource
{
    internal RabbitMqServerResource(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
