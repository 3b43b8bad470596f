using Fifo.Admin.Components;
using Fifo.Admin.Hubs;
using Fifo.Admin.Security;

namespace Fifo.Admin.Extensions;

/// <summary>The request pipeline and endpoints of the admin console.</summary>
public static class AdminPipelineExtensions
{
    public static WebApplication UseFifoAdmin(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);

        // Before anything else answers: without a login, only requests from this machine get in.
        app.UseMiddleware<LocalOnlyMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // wwwroot, framework and MudBlazor assets are public: the login page needs them.
        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapHub<BackfillHub>(BackfillHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
