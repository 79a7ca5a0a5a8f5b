using System.ComponentModel;
using System.Diagnostics;

namespace Reseller.AppHost.Processes;

internal static class ToolRunner
{
    public static async Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken)
    {
        List<string> line = [.. LaunchCommand.AsUser(command.RunAsUser), command.FileName, .. command.Arguments];
        var info = new ProcessStartInfo(line[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = command.WorkingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in line.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach ((var key, var value) in command.Environment)
        {
            info.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{line[0]} did not start");
        }
        catch (Win32Exception)
        {
            throw new DistributedApplicationException($"{command.FileName} is not installed: run ./run.sh, which installs it");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new ToolResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
    }
}
