using MetaMock.JobLogging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The spec's "Development Debugging" story, logged through a Generic Host with MetaMock logging.
// Content root = the program folder, so appsettings.json is found whatever directory it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.AddMetaMockLogging();

using (var host = builder.Build())
{
    var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("demo_worker");

    MetaMockLogContext.SetUserContext(123);
    logger.LogInformation("User authenticated");

    MetaMockLogContext.SetJobContext("bulk-abc123", taskName: "bulk_workflow");
    logger.LogInformation("Starting bulk generation");

    using (MetaMockLogContext.BeginJobContext("bulk-abc123", "validate_preset", "def456"))
    {
        logger.LogDebug("Validating preset configuration");
    }

    using (MetaMockLogContext.BeginJobContext("bulk-abc123", "generate_prompts", "ghi789"))
    {
        logger.LogInformation("Generated {PromptCount} unique prompts", 5);
    }

    using (MetaMockLogContext.BeginJobContext("bulk-abc123", "generate_images", "jkl012"))
    {
        logger.LogError("Image generation failed: {Reason}", "API timeout");
    }

    MetaMockLogContext.ClearAllContext();
}

return 0;
