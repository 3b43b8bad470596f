namespace Fifo.Admin.Components.Pages.Settings;

/// <summary>Bound from "Admin:Uploads".</summary>
public sealed class UploadOptions
{
    public const string Section = "Admin:Uploads";

    /// <summary>Largest CSV file accepted from the browser.</summary>
    public long MaxBytes { get; set; } = 4L << 30;
}
