//! Where sahifa keeps its files. `XDG_*_HOME` are honoured on every OS (users
//! of macOS servers expect them too); otherwise the platform's directories.

use std::ffi::OsString;
use std::path::PathBuf;

use directories::ProjectDirs;

/// The files and directories sahifa uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// The configuration file.
    pub config_file: PathBuf,
    /// Reading state (read marks, bookmarks, positions).
    pub state_dir: PathBuf,
    /// The index cache.
    pub cache_dir: PathBuf,
}

impl Paths {
    /// Resolves the paths from an environment lookup (the process's, or a
    /// test's) and an explicit `--config FILE`.
    pub fn resolve(env: &dyn Fn(&str) -> Option<OsString>, config_file: Option<PathBuf>) -> Paths {
        let project = ProjectDirs::from("", "", "sahifa");
        let xdg = |var: &str| {
            env(var)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .map(|p| p.join("sahifa"))
        };
        let fallback = |pick: fn(&ProjectDirs) -> PathBuf, dot: &str| {
            project
                .as_ref()
                .map(pick)
                .unwrap_or_else(|| PathBuf::from(".sahifa").join(dot))
        };
        let config_dir = env("SAHIFA_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| xdg("XDG_CONFIG_HOME"))
            .unwrap_or_else(|| fallback(|p| p.config_dir().to_path_buf(), "config"));
        let state_dir = xdg("XDG_STATE_HOME").unwrap_or_else(|| {
            fallback(
                |p| {
                    p.state_dir()
                        .map_or_else(|| p.data_local_dir().join("state"), |s| s.to_path_buf())
                },
                "state",
            )
        });
        let cache_dir = xdg("XDG_CACHE_HOME")
            .unwrap_or_else(|| fallback(|p| p.cache_dir().to_path_buf(), "cache"));
        Paths {
            config_file: config_file.unwrap_or_else(|| config_dir.join("config.toml")),
            state_dir,
            cache_dir,
        }
    }

    /// The paths of this process's environment.
    pub fn from_env(config_file: Option<PathBuf>) -> Paths {
        Paths::resolve(&|v| std::env::var_os(v), config_file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xdg_everywhere_and_overrides() {
        let env = |v: &str| match v {
            "XDG_CONFIG_HOME" => Some("/x/config".into()),
            "XDG_STATE_HOME" => Some("/x/state".into()),
            "XDG_CACHE_HOME" => Some("/x/cache".into()),
            _ => None,
        };
        let p = Paths::resolve(&env, None);
        assert_eq!(p.config_file, PathBuf::from("/x/config/sahifa/config.toml"));
        assert_eq!(p.state_dir, PathBuf::from("/x/state/sahifa"));
        assert_eq!(p.cache_dir, PathBuf::from("/x/cache/sahifa"));
        let env2 = |v: &str| {
            (v == "SAHIFA_CONFIG_DIR")
                .then(|| "/etc/sahifa".into())
                .or_else(|| env(v))
        };
        assert_eq!(
            Paths::resolve(&env2, None).config_file,
            PathBuf::from("/etc/sahifa/config.toml")
        );
        assert_eq!(
            Paths::resolve(&env2, Some("/tmp/c.toml".into())).config_file,
            PathBuf::from("/tmp/c.toml")
        );
        let relative = |v: &str| (v == "XDG_CACHE_HOME").then(|| "relative".into());
        assert_ne!(
            Paths::resolve(&relative, None).cache_dir,
            PathBuf::from("relative/sahifa"),
            "relative XDG paths are ignored, as the spec says"
        );
    }
}
