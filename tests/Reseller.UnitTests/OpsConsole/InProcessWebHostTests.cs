using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Hosting;

namespace Reseller.UnitTests.OpsConsole;

public sealed class InProcessWebHostTests
{
    [Fact]
    public void The_apphosts_own_servers_watch_no_folder_and_never_the_working_directory()
    {
        var builder = InProcessWebHost.CreateBuilder();

        Assert.Equal(AppContext.BaseDirectory.TrimEnd('/'), builder.Environment.ContentRootPath.TrimEnd('/'));
        var files = ((IConfigurationBuilder)builder.Configuration).Sources.OfType<FileConfigurationSource>().ToList();
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.ReloadOnChange, $"{file.Path} is watched for changes"));
    }
}
