using Reseller.AppHost;

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
