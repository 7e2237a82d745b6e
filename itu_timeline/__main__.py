from itu_timeline.cli import main

main()
