using Fifo.Admin.Extensions;
using Xunit;

namespace Fifo.Admin.Tests.Extensions;

public sealed class AdminContentRootTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fifo-root-").FullName;

    [Fact]
    public void Finds_the_repo_root_above_the_working_directory()
    {
        File.WriteAllText(Path.Combine(_root, AdminContentRoot.Marker), "");
        var project = Directory.CreateDirectory(Path.Combine(_root, "src", "Fifo.Admin")).FullName;
        var elsewhere = Directory.CreateTempSubdirectory("fifo-bin-").FullName;

        Assert.Equal(_root, AdminContentRoot.Resolve(project, elsewhere));
        Assert.Equal(_root, AdminContentRoot.Resolve(elsewhere, project));
        Directory.Delete(elsewhere);
    }

    [Fact]
    public void Falls_back_to_the_app_directory_outside_a_repo()
    {
        var app = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;

        Assert.Equal(app, AdminContentRoot.Resolve(_root, app));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
