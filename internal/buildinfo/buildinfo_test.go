package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestVersion(t *testing.T) {
	for _, tc := range []struct {
		bi   debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0348efe1a2b3c4d5e6f708192a3b4c5d6e7f8091"}, {Key: "vcs.modified", Value: "true"}}}, "devel 0348efe1a2b3+dirty"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0348efe1a2b3c4d5e6f708192a3b4c5d6e7f8091"}, {Key: "vcs.modified", Value: "false"}}}, "devel 0348efe1a2b3"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
	} {
		if got := version(&tc.bi); got != tc.want {
			t.Errorf("version(%+v) = %q, want %q", tc.bi.Main, got, tc.want)
		}
	}
	if Version() == "" {
		t.Error("Version() is empty")
	}
}
