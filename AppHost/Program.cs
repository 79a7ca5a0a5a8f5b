using Reseller.AppHost;
using Reseller.AppHost.Publishing;

if (PublishCommand.IsPublish(args))
{
    return PublishCommand.Run(args, arguments => ResellerModel.Declare(DistributedApplicationBuilder.Create(arguments)).Model(), Console.Out, Console.Error);
}

try
{
    await using var app = ResellerModel.Declare(DistributedApplicationBuilder.Create(args)).Build();
    await app.RunAsync(CancellationToken.None);
    return 0;
}
catch (DistributedApplicationException failure)
{
    await Console.Error.WriteLineAsync(failure.Message);
    return 1;
}
