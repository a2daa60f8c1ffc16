# Size of the CoreOS cluster created by Vagrant
$num_instances=3
