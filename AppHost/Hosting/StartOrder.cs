namespace Reseller.AppHost.Hosting;

// Referenced projects start (and become healthy) before the projects that reference them.
internal static class StartOrder
{
    public static IReadOnlyList<ProjectResource> Sort(IReadOnlyList<ProjectResource> projects)
    {
        var sorted = new List<ProjectResource>();
        var visiting = new HashSet<ProjectResource>();
        foreach (var project in projects)
        {
            Visit(project, sorted, visiting, []);
        }

        return sorted;
    }

    private static void Visit(ProjectResource project, List<ProjectResource> sorted, HashSet<ProjectResource> visiting, List<string> path)
    {
        if (sorted.Contains(project))
        {
            return;
        }

        if (!visiting.Add(project))
        {
            throw new InvalidOperationException($"circular project references: {string.Join(" -> ", path)} -> {project.Name}");
        }

        path.Add(project.Name);
        foreach (var reference in project.ProjectReferences)
        {
            Visit(reference, sorted, visiting, path);
        }

        path.RemoveAt(path.Count - 1);
        visiting.Remove(project);
        sorted.Add(project);
    }
}
