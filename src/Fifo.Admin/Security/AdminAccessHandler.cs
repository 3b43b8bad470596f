using Microsoft.AspNetCore.Authorization;

namespace Fifo.Admin.Security;

public sealed class AdminAccessHandler(AdminAccess access) : AuthorizationHandler<AdminAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminAccessRequirement requirement)
    {
        if (!access.LoginRequired || context.User.Identity?.IsAuthenticated == true)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
