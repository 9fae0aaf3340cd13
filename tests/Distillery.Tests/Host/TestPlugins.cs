namespace Distillery.Tests.Host;

/// <summary>Sources of small plugins, good and broken, compiled by the tests.</summary>
internal static class TestPlugins
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Distillery.Components;
        using Distillery.Methods;
        using Distillery.Networks;
        using Distillery.Plugins;

        """;

    public const string MethodClass = """
        public sealed class {0} : IDistillationMethod
        {{
            public Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken) =>
                throw new NotSupportedException();
        }}

        """;

    public static string Good => Usings + """
        [assembly: DistilleryPlugin("a.good", "1.2.3", "A plugin that works.")]
        namespace Good;
        public sealed class GoodOptions { [System.ComponentModel.DataAnnotations.Range(1, 10)] public int Level { get; set; } = 1; }
        public sealed class GoodArchitecture : IArchitecture
        {
            public IReadOnlyList<string> Variants => ["small"];
            public Network Create(NetworkSpec spec) => throw new NotSupportedException(spec.Variant);
        }
        public sealed class GoodData : Distillery.Data.IDataset
        {
            public Task<Distillery.Data.DatasetSplits> LoadAsync(Distillery.Progress.IProgressReporter progress, CancellationToken cancellationToken) =>
                throw new NotSupportedException();
        }
        public sealed class GoodPlugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components)
            {
                components.AddMethod<GoodMethod, GoodOptions>("good-method", "A good method.");
                components.AddArchitecture<GoodArchitecture, NoOptions>("good-arch", "A good architecture.");
                components.AddDataset<GoodData, NoOptions>("good-data", "A good dataset.");
            }
        }
        """ + string.Format(MethodClass, "GoodMethod");

    public static string MissingDependencyLibrary => """
        namespace MissingLib;
        public abstract class PluginBase : Distillery.Plugins.IDistilleryPlugin
        {
            public abstract void Register(Distillery.Components.IComponentRegistry components);
        }
        """;

    public static string MissingDependency => Usings + """
        [assembly: DistilleryPlugin("c.missing-dependency", "1.0", "Needs a library that is not there.")]
        namespace MissingDependency;
        public sealed class Plugin : MissingLib.PluginBase
        {
            public override void Register(IComponentRegistry components) { }
        }
        """;

    public static string ContractThree => Usings + """
        [assembly: DistilleryPlugin("d.contract-three", "1.0", "Built for a future contract 3.1.", 3, 1)]
        namespace ContractThree;
        public sealed class Plugin : IDistilleryPlugin { public void Register(IComponentRegistry components) { } }
        """;

    public static string ThrowingConstructor => Usings + """
        [assembly: DistilleryPlugin("e.throwing-constructor", "1.0", "Throws when constructed.")]
        namespace ThrowingConstructor;
        public sealed class Plugin : IDistilleryPlugin
        {
            public Plugin() => throw new InvalidOperationException("constructor exploded");
            public void Register(IComponentRegistry components) { }
        }
        """;

    public static string ThrowingRegister => Usings + """
        [assembly: DistilleryPlugin("f.throwing-register", "1.0", "Throws half-way through Register.")]
        namespace ThrowingRegister;
        public sealed class Plugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components)
            {
                components.AddMethod<PartialMethod, NoOptions>("partial-method", "Registered before the throw.");
                throw new InvalidOperationException("register exploded");
            }
        }
        """ + string.Format(MethodClass, "PartialMethod");

    public static string NoManifest => Usings + """
        namespace NoManifest;
        public sealed class Plugin : IDistilleryPlugin { public void Register(IComponentRegistry components) { } }
        """;

    public static string Disabled => Usings + """
        [assembly: DistilleryPlugin("h.disabled", "1.0", "Turned off by configuration.")]
        namespace DisabledPlugin;
        public sealed class Plugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components) => components.AddMethod<DisabledMethod, NoOptions>("disabled-method", "Never loaded.");
        }
        """ + string.Format(MethodClass, "DisabledMethod");

    public static string SharedOptions => Usings + """
        [assembly: DistilleryPlugin("i.shared-options", "1.0", "Two components with one options class.")]
        namespace SharedOptions;
        public sealed class Shared { }
        public sealed class Plugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components)
            {
                components.AddMethod<FirstMethod, Shared>("first-shared", "One.");
                components.AddMethod<SecondMethod, Shared>("second-shared", "Two.");
            }
        }
        """ + string.Format(MethodClass, "FirstMethod") + string.Format(MethodClass, "SecondMethod");

    public static string Duplicate => Usings + """
        [assembly: DistilleryPlugin("z.duplicate", "1.0", "Takes a name already taken.")]
        namespace Duplicate;
        public sealed class Plugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components)
            {
                components.AddMethod<SameNameMethod, NoOptions>("good-method", "Same name as a.good's.");
                components.AddMethod<OtherMethod, NoOptions>("z-other", "A name of its own.");
            }
        }
        """ + string.Format(MethodClass, "SameNameMethod") + string.Format(MethodClass, "OtherMethod");
}
