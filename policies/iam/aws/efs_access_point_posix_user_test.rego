package planguard.iam.aws.efs_access_point_posix_user_test

import data.planguard.iam.aws.efs_access_point_posix_user as policy
import data.planguard.lib.test as t

address := "aws_efs_access_point.training"

findings(after, unknown_paths) := found if {
	found := policy.deny with data.planguard.resources_by_type as t.one_resource(address, object.union({"file_system_id": "fs-12345678"}, after), unknown_paths)
}

test_without_posix_user_is_denied if {
	t.assert_denied(findings({"posix_user": []}, []), address, "posix_user")
	t.assert_denied(findings({}, []), address, "posix_user")
}

test_posix_user_passes if {
	t.assert_passes(findings({"posix_user": [{"uid": 1000, "gid": 1000, "secondary_gids": []}]}, []), address)
}

test_posix_user_known_after_apply_is_not_denied if {
	t.assert_passes(findings({}, ["posix_user"]), address)
}
