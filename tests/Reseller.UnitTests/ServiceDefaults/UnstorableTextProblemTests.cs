using System.Net;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.ServiceDefaults;

/// <summary>Text PostgreSQL refuses (a NUL character in a field no rule checked) is bad input: 400 problem+json, never 500.</summary>
public sealed class UnstorableTextProblemTests : IAsyncLifetime, IDisposable
{
    private WebApplication app = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddPlatformProblemDetails();
        app = builder.Build();
        app.UseExceptionHandler();
        app.MapGet("/query", () => Throw(Refused(PostgresErrorCodes.CharacterNotInRepertoire)));
        app.MapGet("/save", () => Throw(new DbUpdateException("An error occurred while saving the entity changes.", Refused(PostgresErrorCodes.CharacterNotInRepertoire))));
        app.MapGet("/encoding", () => Throw(Refused(PostgresErrorCodes.UntranslatableCharacter)));
        app.MapGet("/other", () => Throw(Refused(PostgresErrorCodes.DeadlockDetected)));
        await app.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    public void Dispose() => http.Dispose();

    [Theory]
    [InlineData("/query")]
    [InlineData("/save")]
    [InlineData("/encoding")]
    public async Task Text_the_database_cannot_hold_is_a_malformed_request(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(ProblemTypes.Uri("malformed-request"), problem["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Any_other_database_failure_stays_a_server_error()
    {
        using var response = await http.GetAsync(new Uri("/other", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    private static PostgresException Refused(string sqlState) => new("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", sqlState);

    private static string Throw(Exception exception) => throw exception;
}
