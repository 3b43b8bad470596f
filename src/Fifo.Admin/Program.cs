using Fifo.Admin.Extensions;
using Fifo.Admin.Security;

// `hash-password` prints a hash for Admin:PasswordHash and exits; anything else runs the console.
if (HashPasswordCommand.Matches(args))
    return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);

var builder = WebApplication.CreateBuilder(AdminContentRoot.CreateOptions(args));
builder.AddFifoAdmin();

var app = builder.Build();
app.UseFifoAdmin();
await app.RunAsync();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
